// Define <mms-media-upload> first; vite.config.ts tells Vue's template compiler that the tag
// is a custom element (compilerOptions.isCustomElement), so Vue renders it as is.
import '../../src/index.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
