/** Pages whose only script is the folding of their controls (actors, search). */
import { foldControls } from './fold';

foldControls();
