/* @stdlib/array-uint16 as every browser Office runs add-ins in has it: the built-in Uint16Array (webpack.config.js). */
module.exports = Uint16Array;
