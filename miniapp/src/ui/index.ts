/**
 * The NutUI components the app uses, each imported on its own with its own stylesheet (docs/toolchain.md:
 * the full stylesheet adds ~300 KB of wxss to the main package). Pages import widgets from here only.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty';
export { default as Loading } from '@nutui/nutui-react-taro/dist/es/packages/loading';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
export { default as Grid } from '@nutui/nutui-react-taro/dist/es/packages/grid';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea';
// Our own switch, not NutUI's (components/switch.tsx says why).
export { Switch } from '../components/switch';
export { default as Progress } from '@nutui/nutui-react-taro/dist/es/packages/progress';
