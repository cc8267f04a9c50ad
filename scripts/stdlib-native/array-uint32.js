/* @stdlib/array-uint32 as every browser Office runs add-ins in has it: the built-in Uint32Array (webpack.config.js). */
module.exports = Uint32Array;
