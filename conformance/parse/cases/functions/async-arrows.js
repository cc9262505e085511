// expect: ok
var f = async x => await x;
var g = async (a, b) => { await a; };
