/** Entry: runs the one start-up (start-up.ts) and, in end-to-end builds only, installs the test hook. */
import '../ui/styles.css';
import { startUp } from './start-up';
import { installTestHook } from './test-hooks';

const app = startUp();
installTestHook(app.map, app.store, app.started);
