// expect: SyntaxError at 2:9
var r = /(?<y>a)(?<y>b)/;
