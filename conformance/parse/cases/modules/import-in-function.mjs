// expect: SyntaxError at 3:10
function f() {
  import a from "m";
}
