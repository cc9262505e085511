// expect: ok
var f = async ({ a }) => a;
async(x);
