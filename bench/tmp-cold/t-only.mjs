export { getDomain } from "tldts"
