// expect: SyntaxError at 3:9
'use strict';
var a = 010;
