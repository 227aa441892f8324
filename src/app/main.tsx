/** Entry: runs the one start-up (start-up.tsx) and, in end-to-end builds only, installs the test hook. */
import '../ui/styles.css';
import '../ui/layout.css';
import { startUp } from './start-up';
import { installTestHook } from './test-hooks';

const app = startUp();
if (import.meta.env.MODE === 'e2e') installTestHook(app);
