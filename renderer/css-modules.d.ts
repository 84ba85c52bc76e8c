/**
 * CSS modules (`Component.module.css`, bundled by Vite): each class name maps to a scoped name,
 * so a component's styles cannot leak into another's. New styles go beside their component.
 */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
