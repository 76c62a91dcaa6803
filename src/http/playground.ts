import { Router } from 'express';

/** The playground page at `/` and its assets. (Being written.) */
export function playground(): Router {
  return Router();
}
