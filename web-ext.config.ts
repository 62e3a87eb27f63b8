import { defineWebExtConfig } from 'wxt';

// web-ext is installed to lint the Firefox build; WXT would also use it to launch a browser in dev mode. Tests and
// the demo drive their own browsers, so dev mode does not open one.
export default defineWebExtConfig({ disabled: true });
