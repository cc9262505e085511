// expect: SyntaxError at 3:3
{
  export var a;
}
