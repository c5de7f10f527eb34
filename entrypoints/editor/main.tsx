import { createRoot } from 'react-dom/client';
import { DraftEditor } from '@/components/DraftEditor';
import { createEditorClient } from '@/lib/messaging/editor-client';
import { copyText } from '@/lib/inline/copy-text';
import { listenForSession, reportHeight, requestClose } from '@/lib/inline/frame-messages';
import '@/components/editor.css';

const client = createEditorClient();
listenForSession((sessionId) => client.attach(sessionId));
reportHeight(document.getElementById('root')!);

createRoot(document.getElementById('root')!).render(
  <DraftEditor client={client} onClose={requestClose} copy={copyText} />,
);
