import { area, unit } from './shapes.mjs';
const r = 2;
debugger;
console.log(area(r), unit);
