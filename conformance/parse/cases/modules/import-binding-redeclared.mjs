// expect: SyntaxError at 3:5
import a from "m";
let a;
