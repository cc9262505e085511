// expect: SyntaxError at 3:3
function f() {
  import a from "m";
}
