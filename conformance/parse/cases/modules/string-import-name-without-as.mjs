// expect: SyntaxError at 2:10
import { "str" } from "m";
