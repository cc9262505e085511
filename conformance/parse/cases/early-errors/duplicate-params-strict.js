// expect: SyntaxError at 3:15
'use strict';
function f(a, a) {}
