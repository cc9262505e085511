#!/usr/bin/env node
// expect: ok
export const x = 1;
