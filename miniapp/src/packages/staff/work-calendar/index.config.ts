export default definePageConfig({ navigationBarTitleText: '全年节假日' });
