/** Id of the app's one Toaster (rendered in `app.tsx`), for `useToastController`. */
export const APP_TOASTER_ID = 'app-toaster';
