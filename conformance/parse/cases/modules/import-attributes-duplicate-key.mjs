// expect: SyntaxError at 2:47
import x from "./a.json" with { type: "json", type: "json" };
