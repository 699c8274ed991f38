// Its own chunk: most sessions never switch theme, and the first paint needs only one of the two.
export { webDarkTheme } from '@fluentui/react-components';
