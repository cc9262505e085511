// expect: SyntaxError at 3:5
'use strict';
var implements = 1;
