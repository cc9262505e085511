// expect: ok
import x from "./a.json" with { type: "json" };
import "./c.json" with { type: "json" };
export * from "./b.json" with { type: "json" };
export { v } from "./d.json" with { type: "json" };
import * as ns from "./e.json" with { "type": "json" };
import y from "./f.js" with {};
