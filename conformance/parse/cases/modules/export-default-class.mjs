// expect: ok
export default class {}
