// expect: ok
var async;
async
function f() {}
