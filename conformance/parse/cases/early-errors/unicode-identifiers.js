// expect: ok
var café = 1;
var ℮ = 2;
var 𝒜 = 3;
