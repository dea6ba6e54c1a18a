// The repair café organiser's screens (laptop): café days, one day, the follow-up list.
export { CafeSessionScreen } from './CafeSessionScreen';
export { CafeSessionsScreen } from './CafeSessionsScreen';
export { FollowUpScreen } from './FollowUpScreen';
