export default definePageConfig({ navigationBarTitleText: '联系物业' });
