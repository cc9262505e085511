// expect: SyntaxError at 3:26
// node-deviates: `assert { ... }` was dropped for `with { ... }` before ES2025; Node 20 still accepts it (with a warning).
import x from "./a.json" assert { type: "json" };
