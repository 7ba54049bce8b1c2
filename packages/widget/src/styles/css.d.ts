// Side-effect stylesheet imports (`import "./styles/index.css"`) are resolved by the bundler, not TypeScript.
declare module "*.css";

// `?inline` imports (the element's shadow stylesheet) are the stylesheet's text, bundled by Vite.
declare module "*.css?inline" {
  const css: string;
  export default css;
}
