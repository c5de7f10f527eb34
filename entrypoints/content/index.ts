import { createRoot } from 'react-dom/client';
export default defineContentScript({ matches: ['https://www.youtube.com/*'], main() { (window as any).x = createRoot; } });
