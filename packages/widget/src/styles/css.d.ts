// Side-effect stylesheet imports (`import "./styles/index.css"`) are resolved by the bundler, not TypeScript.
declare module "*.css";
