// expect: SyntaxError at 3:6
'use strict';
for (var i = 0 in o);
