// Lets tsc (test/tsconfig.json) import single-file components; Vite compiles them with @vitejs/plugin-vue.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
