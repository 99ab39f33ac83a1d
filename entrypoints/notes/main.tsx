import { render } from 'preact';
import { setDocumentLanguage } from '@/components/page';
import { t } from '@/utils/i18n';
import { NotesApp } from './App';

setDocumentLanguage();
document.title = t('notesTitle');
const app = document.getElementById('app');
if (app) render(<NotesApp />, app);
