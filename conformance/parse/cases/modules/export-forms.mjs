// expect: ok
export var a = 1;
export let b = 2;
export const c = 3;
export function f() {}
export async function af() {}
export function* gf() {}
export class C {}
export { a as aa, b as bb };
export { c as "string name" };
export * from "m";
export * as ns from "m";
export { x as y } from "m";
export { "s t" as "u v" } from "m";
export { default } from "m";
export { default as z } from "m";
