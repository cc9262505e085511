// expect: SyntaxError at 3:10
'use strict';
var a = '\01';
