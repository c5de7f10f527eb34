import { createRoot } from 'react-dom/client';
import { SidePanel } from '@/components/SidePanel';
import '@/components/ui.css';

createRoot(document.getElementById('root')!).render(<SidePanel />);
