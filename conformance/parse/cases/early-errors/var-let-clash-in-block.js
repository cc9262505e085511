// expect: SyntaxError at 4:7
{
  var a;
  let a;
}
