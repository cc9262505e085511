#!/usr/bin/env node
// expect: ok
var x = 1;
