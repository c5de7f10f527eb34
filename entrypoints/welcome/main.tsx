import { createRoot } from 'react-dom/client';
import { WelcomePage } from '@/components/WelcomePage';
import '@/components/ui.css';

createRoot(document.getElementById('root')!).render(<WelcomePage />);
