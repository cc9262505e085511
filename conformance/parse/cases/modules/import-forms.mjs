// expect: ok
import a from "m";
import * as ns from "m";
import { b, c as d } from "m";
import e, { f } from "m";
import g, * as ns2 from "m";
import "m";
import { "string name" as h } from "m";
import {} from "m";
import { default as i } from "m";
