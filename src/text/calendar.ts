// English month abbreviations, as `ps` (START, lstart) and `ls -l` print them
// in the C locale.
export const MONTH_ABBREVIATIONS: readonly string[] = Object.freeze(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
