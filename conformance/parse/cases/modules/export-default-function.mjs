// expect: ok
export default function () {}
