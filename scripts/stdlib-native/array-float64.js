/* @stdlib/array-float64 as every browser Office runs add-ins in has it: the built-in Float64Array (webpack.config.js). */
module.exports = Float64Array;
