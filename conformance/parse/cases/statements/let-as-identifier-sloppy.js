// expect: ok
var let = 1;
let = 2;
