import { createRoot } from 'react-dom/client';
import { PrivacyPage } from '@/components/PrivacyPage';
import '@/components/ui.css';

createRoot(document.getElementById('root')!).render(<PrivacyPage />);
