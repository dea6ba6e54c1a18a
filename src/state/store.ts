// The app's one door to its state library, so swapping or configuring it touches one file.
export { create } from 'zustand';
